# syntax=docker/dockerfile:1

# Event outreach: Spring Boot + Camunda 7 application image.
#   docker build -t event-outreach .
#   docker compose up    (see docker-compose.yml: PostgreSQL, Mailpit and this image with the prod profile)

# ---- build stage -----------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# only what the Maven build reads (see .dockerignore)
COPY pom.xml ./
COPY src ./src
COPY processes ./processes
COPY forms ./forms
# the Maven repository is kept in a BuildKit cache between builds
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# ---- run stage -------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 outreach \
 && useradd --system --uid 10001 --gid outreach --home-dir /app --no-create-home --shell /usr/sbin/nologin outreach
WORKDIR /app
# the image runs the prod profile (PostgreSQL, the SMTP relay, no demo users or data): it refuses to start
# without its settings from the environment (docs/operations.md). -e SPRING_PROFILES_ACTIVE=demo runs the
# demo, whose H2 database is kept in ./data
ENV SPRING_PROFILES_ACTIVE=prod
RUN mkdir data && chown outreach:outreach data
COPY --from=build /build/target/event-outreach-*.jar app.jar
USER 10001:10001
# the JVM sizes its heap from the container's memory limit; override with -e JAVA_TOOL_OPTIONS=...
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
