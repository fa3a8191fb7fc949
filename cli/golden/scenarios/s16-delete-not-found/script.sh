kubectl create job two-times --image=alpine -- sh -c "for i in \$(seq 10);do echo \$((\$i*2));done"
sleep 30
kubectl delete job/two-times
kubectl get pods
kubectl get job two-times
kubectl delete job two-times
kubectl logs two-times-ssbbz
