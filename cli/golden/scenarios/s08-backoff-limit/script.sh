kubectl apply -f fail-never.yaml
sleep 50
kubectl get pods
kubectl get jobs
kubectl describe job fail-never | tail -7
kubectl describe job fail-never | grep Statuses
