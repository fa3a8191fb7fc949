cd ~/safari_gke_2/lesson_4/
./startQueue.sh
sleep 35
kubectl run test --rm -ti --image=alpine \
    --restart=Never -- sh
nc -w 1 queue 1080
exit
