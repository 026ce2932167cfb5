export {
  type DeleteFailure,
  parseQueueUrl,
  queueUrlFromArn,
  type ReceiveOptions,
  SqsClient,
  type SqsClientOptions,
  type SqsCredentials,
  SqsError,
  type SqsMessage,
  type SqsQueueAddress,
} from './client';
export {
  EMULATOR_QUEUE_ACCOUNT,
  EMULATOR_SQS_CREDENTIALS,
  type NotificationQueue,
  notificationQueueFromInputs,
  type QueueInputNames,
  type QueueMessage,
  RECEIVE_VISIBILITY_SECONDS,
  type ReceiveRequest,
  SqsNotificationQueue,
  UnconfiguredQueue,
} from './notification-queue';
