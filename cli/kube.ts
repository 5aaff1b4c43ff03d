// `loadlab kube`: load from several machines as a Kubernetes Indexed Job. `job` prints the Job
// for `kubectl apply -f -`; `collect` merges the shards' records once it has run.
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseTargetUrl } from '../bench-runner/config.ts';
import { START_AT_PAST_LIMIT_MS } from '../bench-runner/shard.ts';
import { collectShards, type CollectFlags } from './kubeCollect.ts';
import { checkShardBenchArgs } from './kubeBenchArgs.ts';
import { jobYaml, shardBenchArgs, shardJob } from './kubeJob.ts';
import { durationOption, metricOption, UsageError } from './numbers.ts';
import { journalOption } from './saveToJournal.ts';

/**
 * From printing the Job to the shared start: `kubectl apply`, scheduling, and pulling the image
 * on nodes that do not have it yet (node:20-slim and the package, about 80 MB compressed) fit in
 * a minute on a cluster with room. A pod ready more than START_AT_PAST_LIMIT_MS after the instant
 * refuses to run (its shard would not line up with the others), and `kube collect` names it.
 */
const DEFAULT_START_IN_MS = 60_000;
/** Beyond start-in + duration + timeout, before the Job is failed as stuck. */
const DEADLINE_MARGIN_S = 600;
/** Kubernetes accepts far more; a Job of this many load generators is already a large one. */
const MAX_SHARDS = 1000;

interface JobFlags {
  shards: number;
  image: string;
  namespace?: string;
  name?: string;
  cpu?: string;
  memory: string;
  startIn: number;
}

/** A DNS-1123 label: what Kubernetes takes for names and namespaces. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function dnsLabel(flag: string) {
  return (text: string): string => {
    if (!DNS_LABEL.test(text) || text.length > 63) throw new InvalidArgumentError(`${flag} must be lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters; got "${text}"`);
    return text;
  };
}

function quantity(flag: string, example: string) {
  return (text: string): string => {
    if (!/^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.test(text) || !/[1-9]/.test(text)) throw new InvalidArgumentError(`${flag} expects a Kubernetes quantity such as ${example}, got "${text}"`);
    return text;
  };
}

/** loadlab-20261207-014502 (UTC), from the time the Job is printed. */
export function defaultJobName(nowMs: number): string {
  const iso = new Date(nowMs).toISOString();
  return `loadlab-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

async function printJob(benchArgs: string[], flags: JobFlags): Promise<void> {
  if (flags.shards < 1 || flags.shards > MAX_SHARDS) throw new UsageError(`--shards must be from 1 to ${MAX_SHARDS}, got ${flags.shards}`);
  if (/\s/.test(flags.image) || flags.image === '') throw new UsageError(`--image must be an image reference such as registry.example.com/loadlab:0.1.0, got "${flags.image}"`);
  const nowMs = Date.now();
  const name = flags.name ?? defaultJobName(nowMs);
  // Each pod's host name is NAME-INDEX, a DNS label of at most 63 characters.
  const longest = `${name}-${flags.shards - 1}`;
  if (longest.length > 63) throw new UsageError(`--name is too long for ${flags.shards} shards: the pod host name ${longest} would exceed 63 characters`);
  // Whole seconds: the instant reads plainly in the manifest and in every pod's command line.
  const startAtMs = Math.ceil((nowMs + flags.startIn) / 1000) * 1000;
  const startAt = new Date(startAtMs).toISOString();
  const config = await checkShardBenchArgs(benchArgs, flags.shards, (index) => shardBenchArgs(String(index), flags.shards, startAt, benchArgs));
  const target = parseTargetUrl(config.url);
  if (typeof target !== 'string' && /^(localhost|127\.|\[?::1\]?$)/.test(target.host)) {
    process.stderr.write(`loadlab: warning: ${config.url} is each pod's own loopback, not this machine's: give an address the pods can reach (a Service name, say)\n`);
  }
  const activeDeadlineS = Math.ceil((startAtMs - nowMs + config.durationMs + config.timeoutMs) / 1000) + DEADLINE_MARGIN_S;
  const job = shardJob({
    name,
    namespace: flags.namespace ?? null,
    image: flags.image,
    shards: flags.shards,
    cpu: flags.cpu ?? String(config.threads),
    memory: flags.memory,
    startAt,
    benchArgs,
    activeDeadlineS,
  });
  const namespace = flags.namespace === undefined ? '' : ` --namespace ${flags.namespace}`;
  const header = [
    `loadlab kube job: ${flags.shards} shards of one load, every one starting at ${startAt}.`,
    `Apply it at once (loadlab kube job … | kubectl apply -f -): a pod not running ${START_AT_PAST_LIMIT_MS / 1000} s after that instant fails.`,
    `Then: kubectl wait${namespace} --for=condition=complete job/${name} --timeout=${activeDeadlineS}s`,
    `      loadlab kube collect ${name}${namespace} --save`,
  ];
  process.stdout.write(jobYaml(job, header));
  process.stderr.write(`loadlab: job ${name}: ${flags.shards} shards start at ${startAt} (in ${Math.round((startAtMs - nowMs) / 1000)} s); apply it now: a pod not running ${START_AT_PAST_LIMIT_MS / 1000} s after that instant refuses to start\n`);
}

export function kubeCommand(): Command {
  // exitOverride before the subcommands, which inherit it: their usage errors reach main (exit 2).
  const kube = new Command('kube').description('Load from several machines as a Kubernetes Indexed Job: print the Job, then collect and merge its shards.').exitOverride();

  kube
    .command('job')
    .description('print a batch/v1 Indexed Job (YAML) whose N pods each run one shard of the bench load, all starting on one instant')
    .usage('--shards N --image IMAGE [options] -- BENCH ARGS')
    .argument('<bench...>', 'bench arguments after --, the URL among them (the load of all shards together)')
    .requiredOption('--shards <N>', 'shards (pods), each on a node of its own where the cluster has enough', metricOption('--shards', true))
    .requiredOption('--image <image>', 'container image with loadlab installed (see the Dockerfile)')
    .option('--namespace <ns>', 'namespace of the Job (default: kubectl\'s)', dnsLabel('--namespace'))
    .option('--name <name>', 'name of the Job (default: loadlab-DATE-TIME)', dnsLabel('--name'))
    .option('--cpu <quantity>', 'CPU each pod requests and is limited to (default: the bench -t threads)', quantity('--cpu', '2 or 500m'))
    .option('--memory <quantity>', 'memory each pod requests and is limited to', quantity('--memory', '1Gi or 512Mi'), '1Gi')
    .addOption(new Option('--start-in <T>', 'how long after now every shard starts (time to apply, schedule and pull the image)').argParser(durationOption('--start-in')).default(DEFAULT_START_IN_MS, '60s'))
    .action((benchArgs: string[], flags: JobFlags) => printJob(benchArgs, flags));

  kube
    .command('collect')
    .description("read each shard's run record from the Job's pods (kubectl logs), merge them into one run and print its report")
    .argument('<job>', 'name of the Job (kube job printed it)')
    .option('--namespace <ns>', 'namespace of the Job (default: kubectl\'s)', dnsLabel('--namespace'))
    .option('--partial', 'merge the shards there are when some failed or are missing (the run is marked partial)', false)
    .option('--title <text>', 'title of the merged run')
    .option('--json <file>', 'write the merged run record to this file')
    .option('--save', 'keep the merged run in the journal', false)
    .addOption(journalOption())
    .action(async (job: string, flags: CollectFlags) => {
      process.exitCode = await collectShards(job, flags);
    });

  return kube;
}
