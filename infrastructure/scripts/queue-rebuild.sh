#!/usr/bin/env bash
# Runs a full re-render on a deployed stage and fails if it did not finish.
#   infrastructure/scripts/queue-rebuild.sh <stage> [region] [timeout-seconds]
# Puts {"action":"rebuild"} on the publish queue, in its one message group, so the
# re-render waits its turn behind the uploads before it and never runs beside a batch:
# one invocation at a time writes the site. Then waits until the queue is empty (the
# rebuild and everything before it done) and checks that the dead-letter queue did
# not grow. A rebuild that fails is handed back and stays in the queue, so a timeout
# here means: read the function's log (outcome "failed" or "failed-will-retry"). Where
# the re-render fans out (the stack's RebuildStateMachineArn), it also waits for the
# state machine's executions and the commit they queue.
set -euo pipefail

stage="${1:?usage: queue-rebuild.sh <dev|prod> [region] [timeout-seconds]}"
region="${2:-${AWS_REGION:-eu-west-1}}"
timeout="${3:-900}"
poll="${GALLEY_POLL_SECONDS:-10}"
stack="galley-${stage}"

output() {
  aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
queue="$(output ContentChangesQueueUrl)"
dead_letters="$(output FailureQueueUrl)"
if [[ -z "$queue" || "$queue" == "None" || -z "$dead_letters" || "$dead_letters" == "None" ]]; then
  echo "stack $stack has no ContentChangesQueueUrl/FailureQueueUrl output" >&2
  exit 1
fi

count() {  # messages waiting plus in flight, or only waiting for the dead-letter queue
  aws sqs get-queue-attributes --region "$region" --queue-url "$1" \
    --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible \
    --query "to_string(sum([to_number(Attributes.ApproximateNumberOfMessages), to_number(Attributes.ApproximateNumberOfMessagesNotVisible)]))" \
    --output text
}

dead_before="$(count "$dead_letters")"
id="rebuild-$(date -u +%Y%m%dT%H%M%SZ)-$RANDOM"
aws sqs send-message --region "$region" --queue-url "$queue" \
  --message-group-id galley-content --message-deduplication-id "$id" \
  --message-body '{"action":"rebuild"}' > /dev/null
echo "queued the rebuild ($id) on $queue"

waited=0
drain() {
  while [[ "$(count "$queue")" != "0" ]]; do
    if (( waited >= timeout )); then
      echo "::error::the publish queue of $stack still holds messages after ${timeout} s: the rebuild failed or is behind; see the function's log" >&2
      exit 1
    fi
    sleep "$poll"
    waited=$((waited + poll))
  done
}
drain
# A stack whose re-render fans out: the function only started the state machine. Wait for
# its executions, then for the commit they queue behind them.
machine="$(output RebuildStateMachineArn)"
if [[ -n "$machine" && "$machine" != "None" ]]; then
  running() {
    aws stepfunctions list-executions --region "$region" --state-machine-arn "$machine" \
      --status-filter RUNNING --query "length(executions)" --output text
  }
  while [[ "$(running)" != "0" ]]; do
    if (( waited >= timeout )); then
      echo "::error::the re-render of $stack still runs after ${timeout} s; see its execution in Step Functions" >&2
      exit 1
    fi
    sleep "$poll"
    waited=$((waited + poll))
  done
  last="$(aws stepfunctions list-executions --region "$region" --state-machine-arn "$machine" \
    --max-items 1 --query "executions[0].status" --output text)"
  if [[ "$last" != "SUCCEEDED" ]]; then
    echo "::error::the last re-render of $stack ended $last and was not committed; see its execution in Step Functions" >&2
    exit 1
  fi
  drain
fi
dead_after="$(count "$dead_letters")"
if (( dead_after > dead_before )); then
  echo "::error::$((dead_after - dead_before)) message(s) reached the dead-letter queue of $stack while the rebuild ran" >&2
  exit 1
fi
echo "rebuild of $stack done in about ${waited} s; the queue is empty"
