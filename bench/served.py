"""A Mentora build serving on 127.0.0.1 for one benchmark: its own data folder (demo data
when asked), started, waited for, and stopped and removed however the run ends."""
import contextlib, os, shutil, socket, subprocess, tempfile, time


@contextlib.contextmanager
def served(binary, port, env=None, demo=False, data_parent=None):
    """Yields (data folder, seconds from start to answering) while `binary serve` answers
    on `port`."""
    data = tempfile.mkdtemp(dir=data_parent, prefix=".bench-")
    env = dict(os.environ, MENTORA_DATA_DIR=data, MENTORA_LOG_LEVEL="error", **(env or {}))
    env = {k: v.replace("{data}", data) for k, v in env.items()}
    if demo:
        subprocess.run([binary, "demo", "seed"], env=env, check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    server = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(1200):  # at most a minute
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield data, time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)
