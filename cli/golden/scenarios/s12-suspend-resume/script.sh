kubectl apply -f paused.yaml
sleep 10
kubectl get jobs
kubectl get pods
sleep 10
kubectl patch job paused -p '{"spec":{"suspend":false}}'
sleep 1
kubectl get pods
sleep 19
kubectl get jobs
kubectl describe job paused | tail -7
