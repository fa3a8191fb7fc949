kubectl apply -f two-times.yaml
sleep 10
kubectl get jobs
kubectl logs -l job-name=two-times
kubectl delete job/two-times
