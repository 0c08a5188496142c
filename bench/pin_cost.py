"""What one PIN guess costs (a script, not a test): python bench/pin_cost.py [--runs 10]

Measures, on this machine, the time to test one PIN against a profile the way an attacker
who HAS the device secret would (Argon2id with the profile's default parameters, then HKDF
and one AES-GCM tag check: store/keyring.py `pin_key`), and the time for a whole login
through FieldKit (the wrong-PIN counter in the credential store included). Baselines in the
same run: one SHA-256 of a PIN (what a guess would cost with no KDF) and the tests' FAST_KDF.
Prints the time to try every 6-digit PIN the policy accepts, on one core and on this
machine's cores (Argon2id with 2 lanes uses 2 cores per guess; the figure assumes perfect
scaling).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _median_ms(fn, runs: int, clock=time.perf_counter) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append((clock() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("FIELDKIT_CREDENTIALS", "file")
    with tempfile.TemporaryDirectory(prefix="fk-pin-bench-") as tmp:
        os.environ["FIELDKIT_SECRETS_DIR"] = str(Path(tmp) / "secrets")
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        from fieldkit.store import pin_policy
        from fieldkit.store.keyring import FAST_KDF, KdfParams, Keyring, _aad, _unb64, new_data_key, pin_key

        params = KdfParams()
        folder = Path(tmp) / "p"
        kr = Keyring(folder)
        kr.add_user(user_id="u", username="lan", display_name="Lan", role="technician", team_id=None,
                    secret="246810", data_key=new_data_key(), params=params)
        device = kr.device_secret()
        assert device is not None
        pid = kr.profile_id()
        u = kr._load()["users"][0]

        def guess(pin: str = "975310", p: KdfParams = params) -> None:
            kek = pin_key(pin, _unb64(u["salt"]), p, device, f"{pid}\nlan".encode())
            try:
                AESGCM(kek).decrypt(_unb64(u["nonce"]), _unb64(u["wrapped_key"]), _aad(str(pid), u))
            except InvalidTag:
                pass

        sha_ms = _median_ms(lambda: hashlib.sha256(b"975310").digest(), max(args.runs, 1000))
        fast_ms = _median_ms(lambda: guess(p=FAST_KDF), args.runs)
        guess_ms = _median_ms(guess, args.runs)
        cpu_ms = _median_ms(guess, args.runs, time.process_time)  # CPU time: both lanes' threads
        login_ms = _median_ms(lambda: kr.unlock("lan", "246810"), args.runs)
        accepted = sum(1 for i in range(10**6) if not pin_policy.strength_problems(f"{i:06d}"))
        cores = os.cpu_count() or 1
        one_core_h = accepted * cpu_ms / 1000 / 3600
        print(f"Argon2id t={params.time_cost} m={params.memory_kib // 1024} MiB p={params.parallelism}")
        print(f"baseline  SHA-256 of a PIN:          {sha_ms * 1000:8.2f} µs")
        print(f"baseline  FAST_KDF guess (tests):    {fast_ms:8.1f} ms")
        print(f"one guess (device secret in hand):   {guess_ms:8.1f} ms wall, {cpu_ms:.1f} ms CPU "
              f"(x{guess_ms / sha_ms:,.0f} SHA-256)")
        print(f"one login through FieldKit:          {login_ms:8.1f} ms  (wrong-PIN counter included)")
        print(f"6-digit PINs the policy accepts:     {accepted:,} of 1,000,000")
        print(f"all of them, one core:               {one_core_h:8.1f} h")
        print(f"all of them, this machine ({cores} cores): {one_core_h / cores:8.1f} h (half of that on average)")
        print("without the device secret (a copied profile folder): no offline guess is possible "
              "(a 256-bit secret); through FieldKit: 3 free tries, then 30 s doubling, locked after "
              f"{pin_policy.LOCK_AT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
