// Command etcd runs etcd 3.5 built from the Go module proxy, because Debian's etcd is too old
// for kube-apiserver 1.33 and `go install` of etcd itself does not resolve.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
