kubectl apply -f logd-labels.yaml
kubectl apply -f logd-never.yaml
kubectl apply -f logd-both.yaml
kubectl apply -f logd.yaml
kubectl apply -f logd-selector.yaml
