kubectl apply -f forbid.yaml
sleep 80
kubectl get cronjob forbid
kubectl get jobs
sleep 60
kubectl get jobs
