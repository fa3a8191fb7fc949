kubectl create cronjob simple --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c "date; echo Hello"
sleep 20
kubectl get cronjobs
sleep 55
kubectl get cronjobs
kubectl get jobs
kubectl get pods
