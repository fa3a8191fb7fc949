#!/bin/bash
kubectl delete pod/queue service/queue --ignore-not-found
kubectl run queue --image=alpine --restart=Never --port=1080 --expose \
  -- sh -c 'i=1; while true; do printf "$i" | nc -l -p 1080; i=$((i+1)); done'
