kubectl apply -f pi-job.yaml
echo $?
kubectl describe jobs/pi-calculator
kubectl logs -l job-name=pi-calculator
kubectl apply -f daily-report-cronjob.yaml
echo $?
kubectl apply -f fluentd-daemonset.yaml
echo $?
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
cp fixed/*.yaml .
kubectl apply -f pi-job.yaml
sleep 30
kubectl describe jobs/pi-calculator
kubectl logs -l job-name=pi-calculator
kubectl apply -f daily-report-cronjob.yaml
kubectl get jobs --watch &
sleep 130
kill %1
kubectl apply -f fluentd-daemonset.yaml
sleep 10
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
kubectl describe cronjob daily-report
kubectl describe node controlplane
