kubectl apply -f logd.yaml
sleep 10
kubectl create job two-times --image=alpine -- sh -c "for i in \$(seq 10);do echo \$((\$i*2));done"
sleep 10
kubectl create cronjob simple --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c "date; echo Hello"
sleep 20
kubectl get all
kubectl delete all --all
