kubectl apply -f bad-job.yaml
echo $?
kubectl apply -f bad-job-default.yaml
echo $?
kubectl get jobs
