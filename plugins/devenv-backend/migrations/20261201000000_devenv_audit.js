// @ts-check

/**
 * The audit trail of the devenv API. Before versioned migrations, the plugin created this very
 * table at start-up when it was missing; a database that already holds it is left as it is, so
 * its rows survive.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await knex.schema.hasTable('devenv_audit')) {
    return;
  }
  await knex.schema.createTable('devenv_audit', table => {
    table.increments('id').primary();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor').notNullable();
    table.string('method', 16).notNullable();
    table.string('path', 512).notNullable();
    table.string('action', 64).notNullable();
    table.string('cluster').nullable();
    table.string('environment').nullable();
    table.integer('status').notNullable();
    table.string('outcome', 16).notNullable();
    table.text('message').nullable();
    table.index(['cluster', 'environment'], 'devenv_audit_environment_idx');
    table.index(['actor'], 'devenv_audit_actor_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('devenv_audit');
};
