kubectl create cronjob simple --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c "date; echo Hello"
sleep 20
kubectl get cronjobs
kubectl get jobs
sleep 15
kubectl get cronjobs
kubectl get jobs
