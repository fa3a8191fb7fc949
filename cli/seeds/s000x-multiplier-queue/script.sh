cd ~/safari_gke_2/lesson_4/
./startQueue.sh
sleep 35
kubectl apply -f multiplier.yaml
sleep 60
kubectl get jobs
kubectl logs -l job-name=multiplier --tail=-1 | wc
kubectl logs -l job-name=multiplier --tail=-1 | sort -g | head -3
kubectl logs -l job-name=multiplier --tail=-1 | sort -g | tail -3
