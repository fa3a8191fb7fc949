kubectl apply -f allow.yaml
sleep 80
kubectl get cronjob allow
kubectl get jobs
