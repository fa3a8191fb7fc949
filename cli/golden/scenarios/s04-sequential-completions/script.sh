kubectl apply -f testapp-job-comp.yaml
sleep 15
kubectl get pods
sleep 3
kubectl get pods
sleep 21
kubectl get pods
sleep 21
kubectl get pods
kubectl get jobs
