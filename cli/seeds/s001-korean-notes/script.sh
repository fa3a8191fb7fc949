kubectl apply -f testapp-daemon-notnodeselector.yaml
kubectl get nodes
sleep 229
watch -n1 kubectl get pods --show-labels &
sleep 1
kill %1
sleep 1
kubectl delete daemonsets.apps testapp-daemon-notnodeselector
kubectl apply -f testapp-ds-java.yaml
sleep 248
kubectl apply -f testapp-ds-python.yaml
sleep 24
kubectl get pods
kubectl get daemonsets.apps --watch &
sleep 1
kubectl get nodes --show-labels
kubectl label nodes node01 node=java
kubectl label nodes node02 node=java
kubectl label nodes node03 node=python
sleep 5
kill %1
sleep 10
watch -n1 kubectl get pods --show-labels &
sleep 1
kill %1
sleep 1
kubectl delete daemonsets.apps testapp-ds-java
kubectl delete daemonsets.apps --all
kubectl apply -f testapp-job.yaml
sleep 6
kubectl get pods
sleep 8
kubectl get jobs.batch
sleep 11
kubectl get pods
sleep 4
kubectl get jobs.batch
kubectl apply -f testapp-job-comp.yaml
sleep 15
kubectl get pods
sleep 7
kubectl get pods
sleep 22
kubectl get pods
sleep 22
kubectl get pods
kubectl get pods --show-labels
kubectl apply -f testapp-job-para.yaml
sleep 4
kubectl get pods
sleep 10
kubectl get pods
sleep 5
kubectl get pods
sleep 7
kubectl get pods
sleep 9
kubectl get pods
kubectl get pods --show-labels
kubectl apply -f testapp-cron.yaml
echo $?
kubectl get pods
watch -n1 kubectl get jobs --show-labels &
sleep 1
kill %1
sleep 1
kubectl get cronjobs.batch
kubectl delete cronjobs.batch testapp-cron
kubectl delete cronjobs.batch --all
