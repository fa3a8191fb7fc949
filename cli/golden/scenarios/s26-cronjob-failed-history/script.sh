kubectl apply -f flaky.yaml
sleep 200
kubectl get jobs
kubectl get pods
