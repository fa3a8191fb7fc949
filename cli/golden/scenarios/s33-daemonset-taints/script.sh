kubectl apply -f logd.yaml
sleep 295
kubectl taint nodes node03 dedicated=db:NoSchedule
sleep 5
kubectl get ds logd
kubectl describe ds logd | grep Misscheduled
kubectl taint nodes node03 dedicated=db:NoSchedule-
sleep 5
kubectl get ds logd
kubectl taint nodes node02 maint=true:NoExecute
sleep 60
kubectl get ds logd
kubectl describe ds logd | grep Misscheduled
