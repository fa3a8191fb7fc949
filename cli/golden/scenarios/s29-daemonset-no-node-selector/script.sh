kubectl apply -f testapp-daemon-notnodeselector.yaml
sleep 229
kubectl get ds
kubectl get pods --show-labels
