kubectl create cronjob simple --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c "date; echo Hello"
sleep 313
kubectl get jobs
sleep 1
kubectl get jobs
kubectl get events --field-selector involvedObject.name=simple
