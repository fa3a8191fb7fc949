kubectl apply -f job.yaml
echo $?
kubectl apply -f fluentd-elasticsearch.yaml
sleep 10
kubectl get ds
kubectl get ds -n kube-system
kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=fluent/fluentd:v1.4
echo $?
kubectl rollout status ds/fluentd-elasticsearch
echo $?
kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=fluent/fluentd:v1.4 -n kube-system
kubectl rollout status ds/fluentd-elasticsearch -n kube-system
kubectl get ds -n kube-system
