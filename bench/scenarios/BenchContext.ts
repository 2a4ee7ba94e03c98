import type { ProcessGroup } from "../harness/processes";
import type { LoadClient } from "../load/LoadClient";
import type { BenchSettings } from "../settings";

/** What every scenario is given. */
export interface BenchContext {
  settings: BenchSettings;
  processes: ProcessGroup;
  load: LoadClient;
  /** A scratch folder for this run: response bodies, CPU profiles. */
  runDirectory: string;
  /** Another build of ours to compare with, or null (`--against`). */
  againstMain: string | null;
  /** One line of progress, on stderr. */
  progress(line: string): void;
}
