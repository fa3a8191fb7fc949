kubectl apply -f pfp.yaml
sleep 10
kubectl get pods
kubectl get jobs
kubectl describe job pfp | tail -5
