kubectl delete job --all
./startQueue.sh
sleep 5
kubectl get pods
kubectl get svc queue -o custom-columns=NAME:.metadata.name,TYPE:.spec.type,PORT:.spec.ports[0].port,TARGET:.spec.ports[0].targetPort,SELECTOR:.spec.selector.run
./startQueue.sh
sleep 5
kubectl apply -f multiplier.yaml
sleep 10
kubectl get jobs
kubectl logs -l job-name=multiplier | wc
sleep 50
kubectl get jobs
kubectl get pods -L job-name
kubectl logs -l job-name=multiplier --tail=-1 | wc
kubectl logs -l job-name=multiplier | wc
kubectl logs -l job-name=multiplier --tail=-1 | sort -g
kubectl describe job multiplier | grep -E '^(Parallelism|Completions|Pods Statuses|Completion Mode)'
