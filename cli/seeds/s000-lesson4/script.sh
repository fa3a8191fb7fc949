watch -n 1 kubectl get pod &
sleep 1
kill %1
sleep 1
watch -n 1 kubectl get jobs &
sleep 1
kill %1
sleep 1
cd ~/safari_gke_2/lesson_4/
kubectl delete all --all
watch -n 1 kubectl get job &
sleep 1
kill %1
sleep 1
kubectl get -w job &
kubectl create job two-times --image=alpine \
    -- sh -c \
    "for i in \$(seq 10);do echo \$((\$i*2));done"
sleep 10
kubectl get pod
kubectl get job
kubectl logs -l job-name=two-times
vi two-times.yaml
kubectl delete job/two-times
kill %1
while true; do kubectl describe job/even-seconds \
    | grep Statuses ; sleep 1 ; done &
sleep 2
vi even-seconds.yaml
kubectl apply -f even-seconds.yaml
sleep 5
kill %2
sleep 60
kubectl get pod
kubectl get jobs
kubectl logs -l job-name=even-seconds 
kubectl delete job --all
vi startQueue.sh
./startQueue.sh
sleep 5
vi multiplier.yaml
./startQueue.sh
sleep 35
kubectl apply -f multiplier.yaml
sleep 60
kubectl get pod
kubectl get jobs
kubectl logs -l job-name=multiplier --tail=-1 | wc
kubectl logs -l job-name=multiplier --tail=-1 | sort -g
kubectl delete job --all
watch -n 1 kubectl get cronjob &
sleep 1
kill %1
sleep 1
kubectl create cronjob --help
vi simple.yaml
kubectl apply -f simple.yaml
sleep 65
kubectl get cronjob
kubectl get pod
kubectl logs simple-28948924-m76pj
kubectl patch cronjob/simple \
    --patch '{"spec" : { "suspend" : true }}'
kubectl get cronjob
kubectl patch cronjob/simple \
    --patch '{"spec" : { "suspend" : false }}'
kubectl get cronjob
watch -n 1 -w kubectl get pod -o wide &
sleep 1
kill %1
sleep 1
watch -n 1 kubectl get daemonset &
sleep 1
kill %1
sleep 1
watch -n 1 kubectl get deployment &
sleep 1
kill %1
sleep 1
vi logDaemon.yaml
kubectl apply -f logDaemon.yaml
sleep 5
vi logDaemonClient.yaml
kubectl apply -f logDaemonClient.yaml
sleep 30
kubectl get pod -o wide
kubectl get daemonset
kubectl get deployment
kubectl exec logd-96lmq -- cat /var/node_log
kubectl delete all --all
sleep 35
vi logCompressor.yaml
kubectl apply -f logCompressor.yaml
sleep 5
kubectl exec logcd-7x82t -- find /var/log -name "*.gz"
vi logCompressorClient.yaml
kubectl apply -f logCompressorClient.yaml
sleep 65
kubectl get pod -o wide
kubectl exec logcd-7x82t -- tar -tf /var/log/all-logs-2025-01-15.tar.gz
