kubectl get nodes
kubectl create job two-times --image=alpine -- sh -c "for i in \$(seq 10);do echo \$((\$i*2));done"
sleep 30
kubectl get events --field-selector involvedObject.name=two-times
kubectl cordon node03
kubectl get nodes
