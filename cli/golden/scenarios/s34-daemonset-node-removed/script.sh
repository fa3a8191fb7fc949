kubectl apply -f logd.yaml
sleep 60
kubectl delete node node01
sleep 1
kubectl get ds logd
sleep 59
kubectl get ds logd
kubectl get pods -o wide | grep -c node01
