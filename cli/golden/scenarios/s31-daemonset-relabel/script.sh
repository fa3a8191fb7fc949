kubectl apply -f testapp-ds-java.yaml
sleep 248
kubectl apply -f testapp-ds-python.yaml
sleep 24
kubectl get pods
kubectl get daemonsets.apps
kubectl label nodes node01 node=java
kubectl label nodes node02 node=java
kubectl label nodes node03 node=python
sleep 38
kubectl get ds
kubectl label nodes node02 node-
kubectl label nodes node03 node=java
kubectl label nodes node03 node=java --overwrite
kubectl label nodes node01 node=java
sleep 40
kubectl get ds
