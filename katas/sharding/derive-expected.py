#!/usr/bin/env python3
"""Derives the numbers ShardingKataTests fixes, independently of the Swift code.

jump_hash is a line-by-line transcription of the C++ function printed in Lamping & Veach,
"A Fast, Minimal Memory, Consistent Hash Algorithm" (2014), Figure 1, with 64-bit wrap-around
made explicit. stable_hash is the kata's given StableHash.swift (FNV-1a, then the SplitMix64
finaliser). Run: python3 katas/sharding/derive-expected.py
"""
M64 = (1 << 64) - 1


def jump_hash(key, num_buckets):
    b, j = -1, 0
    while j < num_buckets:
        b = j
        key = (key * 2862933555777941757 + 1) & M64
        j = int((b + 1) * (float(1 << 31) / float((key >> 33) + 1)))
    return b


def stable_hash(s, seed=0):
    h = 0xCBF29CE484222325 ^ seed
    for byte in s.encode():
        h = ((h ^ byte) * 0x100000001B3) & M64
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & M64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & M64
    return h ^ (h >> 31)


def ring(nodes, virtual_nodes):
    return sorted((stable_hash(f"{n}#{v}"), n) for n in nodes for v in range(virtual_nodes))


def owners(points, key, count=1):
    h = stable_hash(key)
    start = next((i for i, (p, _) in enumerate(points) if p >= h), 0)
    result = []
    i = start
    distinct = len({n for _, n in points})
    while len(result) < min(count, distinct):
        n = points[i % len(points)][1]
        if n not in result:
            result.append(n)
        i += 1
    return result


print("stable_hash:", {s: hex(stable_hash(s)) for s in ["", "a", "user-42"]})
print("stable_hash seeded:", hex(stable_hash("a", seed=7)))
keys = [0, 1, 2, 42, 0xDEADBEEF, 0xFFFFFFFFFFFFFFFF, 1 << 63, 123456789]
for n in [1, 2, 10, 100, 1000, 1 << 20]:
    print(f"jump buckets={n}:", [jump_hash(k, n) for k in keys])

points = ring(["alpha", "beta", "gamma"], 4)
print("ring alpha/beta/gamma x4:", [(hex(p), n) for p, n in points])
for key in ["user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7", "user-8"]:
    print(" ", key, hex(stable_hash(key)), owners(points, key, 1), owners(points, key, 3))
# A key hashed above the last point wraps to the first one.
wrap = next(f"k{i}" for i in range(100000) if stable_hash(f"k{i}") > points[-1][0])
print("wrap key:", wrap, hex(stable_hash(wrap)), owners(points, wrap))
# The point names hash exactly onto their own points.
for p, n in points:
    pass
for name in ["alpha#0", "beta#1", "gamma#2", "alpha#3", "beta#3"]:
    idx = [i for i, (p, _) in enumerate(points) if p == stable_hash(name)][0]
    print("exact", name, "owner", points[idx][1], "next point's node", points[(idx + 1) % len(points)][1])
points1 = ring(["alpha", "beta", "gamma"], 1)
print("ring x1:", [(hex(p), n) for p, n in points1])
for key in ["user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7", "user-8"]:
    print(" ", key, owners(points1, key, 1), owners(points1, key, 2))
