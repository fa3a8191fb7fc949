kubectl apply -f ttl.yaml
sleep 5
kubectl get jobs
kubectl describe job ttl | grep TTL
sleep 5
kubectl get jobs
kubectl get pods
