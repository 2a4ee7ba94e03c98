/*
 * Reads a V8 CPU profile (the .cpuprofile format) and says where the time
 * went: the functions with the most self time, and time by package, both
 * self and inclusive (with everything it called).
 */

interface CallFrame {
  functionName: string;
  url: string;
  /** Zero-based. */
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of the .cpuprofile format this summary reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  /** The node on top of the stack at each sample. */
  samples: number[];
  /** Microseconds since the previous sample, per sample. */
  timeDeltas: number[];
}

export interface FunctionCost {
  /** Function name and where it is defined. */
  function: string;
  selfMs: number;
  /** Of the busy (non-idle) time. */
  selfShare: number;
}

export interface PackageCost {
  /** An npm package, `ours (src)`, `node (internals)` or a V8 bucket. */
  package: string;
  /** Time in the package's own code. */
  selfShare: number;
  /**
   * Time with the package anywhere on the stack: what removing it would
   * save at most. Packages at the bottom of every stack (the HTTP server)
   * come near 100%.
   */
  inclusiveShare: number;
}

export interface ProfileSummary {
  /** Sampled time spent on anything but waiting. */
  busyMs: number;
  topFunctions: FunctionCost[];
  byPackage: PackageCost[];
}

interface Attribution {
  function: string;
  package: string;
  /** Every package on the stack, this frame's included. */
  stackPackages: ReadonlySet<string>;
}

export interface SummaryOptions {
  /** How many functions and packages to list. */
  topCount?: number;
  /**
   * Scripts whose calls are not the program's own work, such as the code
   * that starts and stops the profiler: samples with one of them on the
   * stack are left out.
   */
  excludedScripts?: readonly string[];
}

/** Self time by function and time by package, largest first. */
export function summarizeCpuProfile(
  profile: CpuProfile,
  options: SummaryOptions = {},
): ProfileSummary {
  const { topCount = 15, excludedScripts = [] } = options;
  const attributions = attributeNodes(profile.nodes, excludedScripts);
  const selfByFunction = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  const inclusiveByPackage = new Map<string, number>();
  let busyMicros = 0;

  profile.samples.forEach((nodeId, index) => {
    const attribution = attributions.get(nodeId);
    const micros = profile.timeDeltas[index] ?? 0;
    if (attribution === undefined || micros <= 0) {
      return;
    }
    busyMicros += micros;
    add(selfByFunction, attribution.function, micros);
    add(selfByPackage, attribution.package, micros);
    for (const name of attribution.stackPackages) {
      add(inclusiveByPackage, name, micros);
    }
  });

  const share = (micros: number) => micros / busyMicros;
  return {
    busyMs: busyMicros / 1000,
    topFunctions: largest(selfByFunction, topCount).map(([name, micros]) => ({
      function: name,
      selfMs: micros / 1000,
      selfShare: share(micros),
    })),
    byPackage: largest(selfByPackage, topCount).map(([name, micros]) => ({
      package: name,
      selfShare: share(micros),
      inclusiveShare: share(inclusiveByPackage.get(name) ?? micros),
    })),
  };
}

/**
 * Names every node, walking down from the root so that each node knows its
 * caller. Idle time and excluded subtrees are left out. A native function
 * (a builtin such as the one behind Buffer.byteLength, or a binding such
 * as a socket's writev) is shown with its JavaScript caller, which is what
 * could be changed.
 */
function attributeNodes(
  nodes: ProfileNode[],
  excludedScripts: readonly string[],
): Map<number, Attribution> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const attributions = new Map<number, Attribution>();
  const visit = (node: ProfileNode, caller: Attribution | undefined) => {
    const frame = node.callFrame;
    if (excludedScripts.some((script) => frame.url.endsWith(script))) {
      return;
    }
    const own = packageOf(frame);
    const isRoot = caller === undefined;
    const attribution: Attribution = {
      function:
        isNative(frame) && caller !== undefined
          ? `${frame.functionName || "(native)"} ← ${caller.function}`
          : describeFunction(frame),
      package: own,
      stackPackages: isRoot
        ? new Set<string>()
        : new Set([...caller.stackPackages, own]),
    };
    if (frame.functionName !== "(idle)") {
      attributions.set(node.id, attribution);
    }
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (child !== undefined) {
        visit(child, attribution);
      }
    }
  };
  const root = nodes.find((node) => node.callFrame.functionName === "(root)");
  if (root !== undefined) {
    visit(root, undefined);
  }
  return attributions;
}

/** A builtin or binding, as opposed to a script or a V8 bucket. */
function isNative(frame: CallFrame): boolean {
  return frame.url === "" && !frame.functionName.startsWith("(");
}

function add(totals: Map<string, number>, key: string, micros: number): void {
  totals.set(key, (totals.get(key) ?? 0) + micros);
}

function largest(
  totals: Map<string, number>,
  count: number,
): Array<[string, number]> {
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
}

function describeFunction(frame: CallFrame): string {
  const name = frame.functionName || "(anonymous)";
  if (frame.url === "") {
    return name;
  }
  return `${name} ${shortLocation(frame.url)}:${frame.lineNumber + 1}`;
}

/** A path from its package or tree on: `pino/lib/proto.js`, `src/x.js`. */
function shortLocation(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const inPackage = path.lastIndexOf("node_modules/");
  if (inPackage !== -1) {
    return path.slice(inPackage + "node_modules/".length);
  }
  const inDist = path.lastIndexOf("/dist/");
  return inDist === -1 ? path : path.slice(inDist + "/dist/".length);
}

function packageOf(frame: CallFrame): string {
  const { url } = frame;
  if (url === "") {
    // (root), (program), (garbage collector), or a native function.
    return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  }
  if (url.startsWith("node:")) {
    return "node (internals)";
  }
  const inPackage = url.lastIndexOf("node_modules/");
  if (inPackage !== -1) {
    const [scopeOrName, name] = url
      .slice(inPackage + "node_modules/".length)
      .split("/");
    return scopeOrName.startsWith("@") ? `${scopeOrName}/${name}` : scopeOrName;
  }
  return url.includes("/dist/src/") ? "ours (src)" : "(other)";
}
