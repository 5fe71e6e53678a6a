#!/usr/bin/env bash
# Makes the TLS material of docker-compose.yml's Kafka: a small certificate authority (CA) of
# this installation and the broker's key and certificate, signed by it, in compose/kafka/certs/
# (git-ignored, docker-ignored: never committed, never in an image). Needs only openssl.
#
#   compose/kafka/make-certs.sh           first start: makes the CA and the broker certificate
#                                         (keeps what exists, so running it again changes nothing)
#   compose/kafka/make-certs.sh --renew   a new broker key and certificate from the same CA:
#                                         the services keep trusting it; restart kafka
#
# What it writes (docs/operations.md, docs/security.md):
#   ca.key     the CA's private key: stays here (better: offline), is mounted nowhere
#   ca.crt     the CA's certificate: the trust anchor of kafka, kafka-init and the services
#   kafka.pem  the broker's private key (unencrypted PKCS#8) and certificate chain, for kafka
#              only; the certificate names kafka (the address on the compose network) and
#              localhost (the broker's own healthcheck)
# The folder is readable by its owner only; the files in it are world-readable because the
# containers read them under their own user ids (bind mounts keep the host's owner and mode).
set -euo pipefail

renew=false
case "${1:-}" in
	"") ;;
	--renew) renew=true ;;
	*) echo "usage: $0 [--renew]" >&2; exit 2 ;;
esac

certs="$(cd "$(dirname "$0")" && pwd)/certs"
ca_days=3650
broker_days=825
mkdir -p "$certs"
chmod 700 "$certs"
cd "$certs"
umask 077

if [ ! -f ca.key ] || [ ! -f ca.crt ]; then
	openssl req -x509 -new -nodes -newkey rsa:3072 -sha256 -days "$ca_days" \
		-subj "/O=Cooperation Hub/CN=Cooperation Hub Kafka CA" \
		-addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" \
		-keyout ca.key -out ca.crt 2>/dev/null
	echo "made the CA: $certs/ca.crt (valid $ca_days days; keep ca.key safe)"
elif [ -f kafka.pem ] && [ "$renew" = false ]; then
	echo "$certs already holds a CA and a broker certificate; --renew makes a new broker certificate"
	exit 0
fi

openssl req -new -nodes -newkey rsa:3072 -sha256 -subj "/O=Cooperation Hub/CN=kafka" \
	-keyout kafka.key -out kafka.csr 2>/dev/null
cat > kafka.ext <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:kafka,DNS:localhost
EXT
openssl x509 -req -sha256 -days "$broker_days" -in kafka.csr -CA ca.crt -CAkey ca.key \
	-set_serial "0x$(openssl rand -hex 16)" -extfile kafka.ext -out kafka.crt 2>/dev/null
# Kafka's PEM key store: the private key first, then the chain up to the CA
cat kafka.key kafka.crt ca.crt > kafka.pem
rm -f kafka.key kafka.csr kafka.ext kafka.crt
chmod 644 ca.crt kafka.pem
chmod 600 ca.key
openssl verify -CAfile ca.crt kafka.pem > /dev/null
echo "made the broker certificate: $certs/kafka.pem (DNS:kafka, DNS:localhost; valid $broker_days days)"
