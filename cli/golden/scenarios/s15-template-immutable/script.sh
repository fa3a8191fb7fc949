kubectl apply -f two-times.yaml
kubectl apply -f two-times-busybox.yaml
kubectl apply -f two-times-parallelism.yaml
kubectl apply -f two-times-parallelism.yaml
