// Loaded with `node --import` into an app a bench profiles: SIGUSR2 starts the V8 CPU profiler, the
// next SIGUSR2 stops it and writes the profile to $CPU_PROFILE_FILE (the app keeps running).
import { Session } from "node:inspector";
import { renameSync, writeFileSync } from "node:fs";

const file = process.env.CPU_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start")));
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) console.error(error);
      else {
        writeFileSync(`${file}.part`, JSON.stringify(result.profile));
        renameSync(`${file}.part`, file);
      }
    });
  });
}
