kubectl create cronjob simple --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c "date; echo Hello"
sleep 160
kubectl patch cronjob/simple --patch '{"spec" : { "suspend" : true }}'
sleep 190
kubectl get cronjob
sleep 5
kubectl patch cronjob/simple --patch '{"spec" : { "suspend" : false }}'
sleep 2
kubectl get jobs
kubectl patch cronjob/simple --patch '{"spec" : { "suspend" : false }}'
