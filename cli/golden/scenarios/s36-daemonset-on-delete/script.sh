kubectl apply -f ondel.yaml
sleep 10
kubectl set image ds/ondel c=busybox:1.37
sleep 1
kubectl get ds ondel
kubectl rollout status ds/ondel
kubectl delete pod ondel-ssbbz
sleep 5
kubectl get ds ondel
kubectl get pods -l pod-template-generation=2 -o jsonpath='{.items[*].spec.containers[0].image}{"\n"}'
