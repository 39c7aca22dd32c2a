#!/usr/bin/env python3
"""Writes a large Bitnami-like index.yaml: gen-index.py FILE CHARTS VERSIONS (200 x 110 gives ~20 MB).
Same content as charter-repo's test fixture dev.charter.repo.BigIndex."""
import sys

def main(path, charts, versions):
    with open(path, "w") as w:
        w.write("apiVersion: v1\nentries:\n")
        for c in range(charts):
            name = "chart-%04d" % c
            w.write("  %s:\n" % name)
            for v in range(versions - 1, -1, -1):
                version = "%d.%d.%d%s" % (v // 20, v % 20, c % 3, ("-rc.%d" % v) if v % 17 == 5 else "")
                w.write("  - annotations:\n      category: Infrastructure\n      licenses: Apache-2.0\n")
                w.write("    apiVersion: v2\n    appVersion: %d.%d.0\n" % (v % 7, v % 11))
                w.write("    created: \"2024-05-06T07:08:%02d.%dZ\"\n" % (v % 60, 123456789 + v))
                w.write("    dependencies:\n    - name: common\n      repository: oci://registry-1.docker.io/bitnamicharts\n"
                        "      tags:\n      - bitnami-common\n      version: 2.x.x\n")
                w.write("    description: Chart number %d deploys a very useful application; this description"
                        " is about as long as real ones tend to be.\n" % c)
                w.write("    digest: %064x\n" % (c * 100003 + v))
                w.write("    home: https://example.com/%s\n    icon: https://example.com/icons/%s.svg\n" % (name, name))
                w.write("    keywords:\n    - %s\n    - keyword-%d\n    - infrastructure\n" % (name, c % 10))
                w.write("    maintainers:\n    - name: Broadcom\n      url: https://github.com/bitnami/charts\n")
                w.write("    name: %s\n    sources:\n    - https://github.com/example/%s\n" % (name, name))
                w.write("    urls:\n    - https://charts.example.com/%s-%s.tgz\n" % (name, version))
                w.write("    version: %s\n" % version)
        w.write("generated: \"2024-05-06T07:08:09.123456789Z\"\n")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
