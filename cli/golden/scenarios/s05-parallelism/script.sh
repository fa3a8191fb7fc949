kubectl apply -f testapp-job-para.yaml
sleep 5
kubectl get pods
sleep 8
kubectl get pods
sleep 27
kubectl get pods
kubectl get jobs
