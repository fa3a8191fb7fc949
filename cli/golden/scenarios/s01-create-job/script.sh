kubectl create job two-times --image=alpine -- sh -c "for i in \$(seq 10);do echo \$((\$i*2));done"
sleep 1
kubectl get pods
sleep 29
kubectl get jobs
kubectl get pods
kubectl logs -l job-name=two-times
