kubectl apply -f ttl.yaml
sleep 5
kubectl get jobs
sleep 5
kubectl get jobs
kubectl get pods
