kubectl apply -f testapp-job.yaml
sleep 6
kubectl get pods
sleep 8
kubectl get jobs.batch
sleep 11
kubectl get pods
sleep 4
kubectl get jobs.batch
kubectl get jobs --show-labels
