import { SingleFlight } from "../../../src/services/documents/SingleFlight";

/** A promise with its resolve and reject exposed. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SingleFlight", () => {
  it("runs one task for concurrent callers of a key", async () => {
    let joins = 0;
    const flight = new SingleFlight<string>(() => joins++);
    const task = jest.fn(() => Promise.resolve("value"));

    const results = await Promise.all([
      flight.run("k", task),
      flight.run("k", task),
      flight.run("k", task),
    ]);
    expect(results).toEqual(["value", "value", "value"]);
    expect(task).toHaveBeenCalledTimes(1);
    expect(joins).toBe(2);
  });

  it("runs separate tasks for separate keys", async () => {
    const flight = new SingleFlight<string>();
    const task = jest.fn((value: string) => Promise.resolve(value));
    await Promise.all([
      flight.run("a", () => task("a")),
      flight.run("b", () => task("b")),
    ]);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("starts afresh once the task has settled", async () => {
    const flight = new SingleFlight<number>();
    const task = jest.fn(() => Promise.resolve(1));
    await flight.run("k", task);
    await flight.run("k", task);
    expect(task).toHaveBeenCalledTimes(2);
    expect(flight.size).toBe(0);
  });

  it("shares a failure with every joined caller, then forgets it", async () => {
    const flight = new SingleFlight<number>();
    const pending = deferred<number>();
    const first = flight.run("k", () => pending.promise);
    const second = flight.run("k", () => Promise.resolve(2));

    pending.reject(new Error("boom"));
    await expect(first).rejects.toThrow("boom");
    await expect(second).rejects.toThrow("boom");
    await expect(flight.run("k", () => Promise.resolve(3))).resolves.toBe(3);
  });

  it("turns a task that throws at once into a rejection", async () => {
    const flight = new SingleFlight<number>();
    const throwing = () => {
      throw new Error("sync");
    };
    await expect(flight.run("k", throwing)).rejects.toThrow("sync");
    expect(flight.size).toBe(0);
  });
});
