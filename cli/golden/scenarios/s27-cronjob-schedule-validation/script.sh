kubectl create cronjob bad --image=busybox --schedule="61 * * * *"
kubectl apply -f bad2.yaml
kubectl apply -f tz.yaml
kubectl apply -f tz2.yaml
kubectl apply -f nightly.yaml
sleep 5
kubectl get cronjobs
sleep 28800
kubectl get jobs
kubectl get jobs -o jsonpath='{.items[0].metadata.annotations.batch\.kubernetes\.io/cronjob-scheduled-timestamp}{"\n"}'
