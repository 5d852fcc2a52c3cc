// @ts-check

/**
 * The notifications the devenv plugin has sent to environment owners. `key` names one notice
 * (which kind, for which environment, for which expiry or day); its unique constraint is what
 * makes a notice go out once, whichever replica or run claims it first.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('devenv_notifications', table => {
    table.increments('id').primary();
    table
      .string('key', 512)
      .notNullable()
      .unique({ indexName: 'devenv_notifications_key_uq' });
    table.string('claim', 64).notNullable();
    table.string('kind', 32).notNullable();
    table.string('cluster').notNullable();
    table.string('environment').notNullable();
    table.string('recipient').notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.index(
      ['cluster', 'environment'],
      'devenv_notifications_environment_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('devenv_notifications');
};
