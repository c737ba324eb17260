# The molbatch worker image: Node 20, a Java runtime and the OPSIN jars (fetched with Maven at
# build time). Entry point: the molbatch CLI; `worker --queues ...` or `migrate` as the command.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# No lifecycle scripts yet: `prepare` builds the sources, which are not copied at this point.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY bin bin
COPY vendor/manifest.json vendor/manifest.json
COPY activities activities
COPY chem chem
COPY client client
COPY common common
COPY store store
COPY workers workers
COPY workflows workflows
RUN npm run build \
  && node bin/molbatch.js setup --opsin-only \
  && npm prune --omit=dev

FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /var/lib/molbatch /data && chown node:node /var/lib/molbatch /data
WORKDIR /app
COPY --from=build /app /app
USER node
ENV NODE_ENV=production MOLBATCH_HOME=/var/lib/molbatch
# The metrics endpoint, when MOLBATCH_METRICS_PORT is 9464 as in docker-compose.yml.
EXPOSE 9464
ENTRYPOINT ["node", "bin/molbatch.js"]
CMD ["worker"]
